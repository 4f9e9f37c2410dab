import { tlsChannelFailed } from '../../../src/analyzer/rules/tls-channel-failed';
import { describeWebCauseRule } from './web-cause-rule';

describeWebCauseRule(tlsChannelFailed, 'TLS_CHANNEL_FAILED', 'tls-channel');
