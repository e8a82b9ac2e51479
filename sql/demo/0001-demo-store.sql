--liquibase formatted sql

--changeset skillform:demo-0001-store context:demo
INSERT INTO store (handle, display_name, default_currency, created_at)
VALUES ('demo', 'Demo Studio', 'USD', UTC_TIMESTAMP(6));

INSERT INTO product (store_id, slug, title, description, price_minor, price_currency, status, created_at, published_at)
SELECT s.id, p.slug, p.title, p.description, p.price_minor, 'USD', 'PUBLISHED', UTC_TIMESTAMP(6),
       UTC_TIMESTAMP(6) - INTERVAL p.age_minutes MINUTE
FROM store s
JOIN (
    SELECT 'indie-makers-handbook' AS slug, 'The Indie Maker''s Handbook' AS title,
           'A 180-page ebook on shipping small software products: finding an idea, pricing it, and selling it without a marketing team.\nPDF and EPUB.' AS description,
           1900 AS price_minor, 50 AS age_minutes
    UNION ALL SELECT 'golden-hour-presets', 'Golden Hour Lightroom Presets',
           '12 presets for warm, natural evening light. Works with Lightroom Classic and Lightroom mobile.',
           1200, 40
    UNION ALL SELECT 'watercolor-basics', 'Watercolor Basics: A Video Course',
           'Eight short lessons, from choosing paper to layering washes. 2 hours of video with printable exercise sheets.',
           4900, 30
    UNION ALL SELECT 'notion-weekly-planner', 'Notion Weekly Planner',
           'A calm weekly planning system for Notion: goals, habits and a review ritual. Duplicate it into your workspace in one click.',
           900, 20
    UNION ALL SELECT 'free-sampler', 'Free Sampler Pack',
           'A taste of everything in the store: three presets, two planner pages and the first chapter of the handbook.',
           0, 10
) p
WHERE s.handle = 'demo';

--changeset skillform:demo-0001-draft context:demo
-- A draft, which the storefront must never show.
INSERT INTO product (store_id, slug, title, description, price_minor, price_currency, status, created_at)
SELECT id, 'unreleased-course', 'Unreleased Course', 'Not ready yet.', 2900, 'USD', 'DRAFT', UTC_TIMESTAMP(6)
FROM store WHERE handle = 'demo';
