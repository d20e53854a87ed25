/**
 * The original dataset's CSV headers and the snake_case feature names the engine uses
 * (the seed's config: numerical annual_income, age, work_experience, family_size; categorical
 * profession, gender; target spending_score).
 */
export const CUSTOMER_CSV_COLUMNS = {
  CustomerID: 'customer_id',
  Gender: 'gender',
  Age: 'age',
  'Annual Income ($)': 'annual_income',
  Profession: 'profession',
  'Work Experience': 'work_experience',
  'Family Size': 'family_size',
  'Spending Score (1-100)': 'spending_score',
} as const;

/** Numeric features of the spending model (the seed's config order). */
export const SPENDING_NUMERIC_FEATURES = ['annual_income', 'age', 'work_experience', 'family_size'] as const;

/** Categorical features of the spending model; gender is optional (add 'gender' to use it). */
export const SPENDING_CATEGORICAL_FEATURES = ['profession'] as const;

export const SPENDING_TARGET = 'spending_score';
