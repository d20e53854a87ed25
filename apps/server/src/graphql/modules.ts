/** Every GraphQL module; to add fields, write graphql/<name>-module.ts and append it here. */
import { analyticsModule } from './analytics-module.js';
import type { GraphqlModule } from './graphql-module.js';
import { consentModule } from './consent-module.js';
import { driftModule } from './drift-module.js';
import { identityModule } from './identity-module.js';
import { reportsModule } from './reports-module.js';

export const GRAPHQL_MODULES: readonly GraphqlModule[] = [
  identityModule,
  driftModule,
  consentModule,
  reportsModule,
  analyticsModule,
];
