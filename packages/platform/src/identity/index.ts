// Public API of the platform's identity area: tenants, users, roles, tokens and API keys.
export { ROLES, roleRank, roleAtLeast, isRole } from './roles.js';
export type { Role } from './roles.js';
export type { User, ApiKey, Principal, TokenPair, IdentityDeps } from './identity-types.js';
export {
  MIN_PASSWORD_LENGTH,
  MAX_PASSWORD_LENGTH,
  assertPasswordPolicy,
  hashPassword,
  verifyPassword,
} from './password.js';
export { createLoginThrottle, DEFAULT_LOGIN_THROTTLE } from './login-throttle.js';
export type { LoginThrottle, LoginThrottleOptions } from './login-throttle.js';
export { signAccessToken, verifyAccessToken } from './access-token.js';
export type { AccessClaims, AccessTokenKeys } from './access-token.js';
export { resolveJwtSecret, jwtSecretPath, JWT_SECRET_FILE } from './resolve-jwt-secret.js';
export { REFRESH_TOKEN_PREFIX } from './issue-tokens.js';
export { loginWithPassword } from './login-with-password.js';
export type { LoginInput } from './login-with-password.js';
export { refreshSession } from './refresh-session.js';
export { logoutSession } from './logout-session.js';
export { registerAccount } from './register-account.js';
export type { RegisterAccountInput, RegisterAccountResult } from './register-account.js';
export { authenticate, API_KEY_PREFIX } from './authenticate.js';
export type { Credentials } from './authenticate.js';
export { requireRole, requireGrantable } from './require-role.js';
export { listTenantUsers, inviteUser, updateUser, getMe } from './manage-users.js';
export { changePassword } from './change-password.js';
export type { ChangePasswordInput } from './change-password.js';
export type { InviteUserResult, Me } from './manage-users.js';
export { createApiKey, listTenantApiKeys, revokeApiKey } from './manage-api-keys.js';
export type { CreateApiKeyResult } from './manage-api-keys.js';
export { seedDemoTenant, DEMO_OWNER_EMAIL, DEFAULT_DEMO_ROWS } from './seed-demo-tenant.js';
export type { SeedDemoTenantResult, SeedDemoTenantOptions, DemoData } from './seed-demo-tenant.js';
