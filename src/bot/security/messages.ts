// What users see when the security layer refuses something. Short on purpose: a refusal must
// not explain which check failed.
import { defineMessages } from '../../i18n/lang';

export const securityMessages = defineMessages({
  tenantNotAllowed: {
    ja: 'このボットは、お客様の組織ではご利用いただけません。ご利用になりたい場合は、社内の管理者にお問い合わせください。',
    en: "This bot isn't available for your organization. Please contact your administrator if you need it.",
  },
  invokeNotAllowed: {
    ja: 'この操作は実行できません。',
    en: "This action isn't available.",
  },
});
