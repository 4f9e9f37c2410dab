import { proxyAuthRequired } from '../../../src/analyzer/rules/proxy-auth-required';
import { describeWebCauseRule } from './web-cause-rule';

describeWebCauseRule(proxyAuthRequired, 'PROXY_AUTH_REQUIRED', 'proxy-auth');
