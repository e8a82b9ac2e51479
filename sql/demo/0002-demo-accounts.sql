--liquibase formatted sql

--changeset skillform:demo-0002-accounts context:demo
-- Demo accounts (passwords in the README): Argon2id hashes made by io.skillform.identity.Passwords.
INSERT INTO account (email, password_hash, display_name, status, email_verified_at, created_at) VALUES
('admin@demo.skillform.test', '$shiro2$argon2id$v=19$t=2,m=19456,p=1$8ysjqqfMfLENUtB+q1d0IA$8WKZtFucvK1VkqyqXFiCLLJwt75adldfbXraUThMe3w', 'Demo Admin', 'ACTIVE', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
('creator@demo.skillform.test', '$shiro2$argon2id$v=19$t=2,m=19456,p=1$MekTPaXtLSNoE4J5hTjroA$BjiN1D+MFbyECkdBH3094bfamYa+0Vto/tCo+RC+N2U', 'Demo Creator', 'ACTIVE', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
('buyer@demo.skillform.test', '$shiro2$argon2id$v=19$t=2,m=19456,p=1$rOQLR3qhyqwrCxnCSkEMkQ$4Eh20A2N0TMqP7PKjpbaIyogtEbMwxHb2/Mq/y0HAa0', 'Demo Buyer', 'ACTIVE', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));

INSERT INTO account_role (account_id, role)
SELECT id, 'ADMIN' FROM account WHERE email = 'admin@demo.skillform.test'
UNION ALL SELECT id, 'CREATOR' FROM account WHERE email = 'creator@demo.skillform.test'
UNION ALL SELECT id, 'CUSTOMER' FROM account WHERE email = 'creator@demo.skillform.test'
UNION ALL SELECT id, 'CUSTOMER' FROM account WHERE email = 'buyer@demo.skillform.test';

UPDATE store SET owner_id = (SELECT id FROM account WHERE email = 'creator@demo.skillform.test') WHERE handle = 'demo';

-- The demo creator's API token is "sfk_demo_creator" (README); stored, like every token, as its SHA-256.
INSERT INTO api_token (account_id, name, token_hash, hint, created_at)
SELECT id, 'Demo token', '5940ea129f66fc8b2fb30509c3b882c06ad03c9fa57c54e51e72c67de911dec4', 'sfk_demo_c', UTC_TIMESTAMP(6)
FROM account WHERE email = 'creator@demo.skillform.test';
