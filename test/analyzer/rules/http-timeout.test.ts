import { httpTimeout } from '../../../src/analyzer/rules/http-timeout';
import { describeWebCauseRule } from './web-cause-rule';

describeWebCauseRule(httpTimeout, 'HTTP_TIMEOUT', 'timeout');
