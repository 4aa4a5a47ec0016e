/**
 * Tests sign up many accounts from one address: their servers run with registration open and no practical
 * sign-up limit. The product's defaults (invite-only, a few sign-ups per address) have their own tests in
 * test/integration/registration.test.ts.
 */
export const TEST_REGISTRATION = { REGISTRATION: 'open', SIGNUP_LIMIT_PER_ADDRESS: '100000' };
