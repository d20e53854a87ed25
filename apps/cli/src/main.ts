console.log('cohortlens: commands arrive with the foundation issue');
