/**
 * Every REST route group, mounted under /api/v1 in this order. To add one: write
 * routes/<name>-routes.ts exporting a RouteGroup (see route-group.ts) and append it here.
 */
import { apiKeysRoutes } from './api-keys-routes.js';
import { consentRoutes } from './consent-routes.js';
import { customersRoutes } from './customers-routes.js';
import { driftRoutes } from './drift-routes.js';
import { healthRoutes } from './health-routes.js';
import { modelsRoutes } from './models-routes.js';
import { predictionRoutes } from './prediction-routes.js';
import { reportsRoutes } from './reports-routes.js';
import { recommendationsRoutes } from './recommendations-routes.js';
import type { RouteGroup } from './route-group.js';
import { segmentsRoutes } from './segments-routes.js';
import { tokenRoutes } from './token-routes.js';
import { usersRoutes } from './users-routes.js';

export const ROUTE_GROUPS: readonly RouteGroup[] = [
  healthRoutes,
  tokenRoutes,
  usersRoutes,
  apiKeysRoutes,
  driftRoutes,
  consentRoutes,
  reportsRoutes,
  recommendationsRoutes,
  predictionRoutes,
  modelsRoutes,
  segmentsRoutes,
  customersRoutes,
];
