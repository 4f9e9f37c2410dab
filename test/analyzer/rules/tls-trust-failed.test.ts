import { tlsTrustFailed } from '../../../src/analyzer/rules/tls-trust-failed';
import { describeWebCauseRule } from './web-cause-rule';

describeWebCauseRule(tlsTrustFailed, 'TLS_TRUST_FAILED', 'tls-trust');
