// What users see when the bot sheds load.
import { defineMessages } from '../../i18n/lang';

export const limitMessages = defineMessages({
  rateLimited: {
    ja: 'ただいま多くのファイルを処理しているため、このメッセージは受け付けられませんでした。{seconds} 秒ほどおいてから、もう一度送信してください。',
    en: "I'm handling a lot of files right now and couldn't take this one. Please send it again in about {seconds} seconds.",
  },
});
