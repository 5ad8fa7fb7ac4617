-- The texts people receive with their codes (issue 15 item 5): one row per tenant, purpose, channel and
-- language that an admin wrote; without a row the core's shipped text for the language is sent
-- (services/domain/MessageTemplate.cpp). Bodies hold placeholders only ({code}, {minutes}, {app},
-- {purpose}), never a code.
CREATE TABLE IF NOT EXISTS message_templates (
  tenant VARCHAR(64) NOT NULL,
  purpose VARCHAR(32) NOT NULL,
  channel VARCHAR(16) NOT NULL,
  language VARCHAR(8) NOT NULL,
  body VARCHAR(1000) NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by VARCHAR(128) NOT NULL,
  PRIMARY KEY (tenant, purpose, channel, language)
) {{TABLE}};
