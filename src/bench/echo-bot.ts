// The bench's baseline: the smallest botbuilder bot on the same stack as ours (restify 11, the
// same JSON body parser and limit, CloudAdapter with ConfigurationBotFrameworkAuthentication on
// the whole environment), replying to every message with one plain text message inside the
// turn. What it costs per message is what botbuilder + restify cost; the bot is compared to it.
//   PORT=3979 HOST=127.0.0.1 node dist/bench/echo-bot.js
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

function main(): void {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(process.env));
  adapter.onTurnError = (_context, error) => {
    process.stderr.write(`echo-bot turn error: ${error.stack ?? error.message}\n`);
    return Promise.resolve();
  };
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  // same parser and limit as src/bot/create-server.ts
  const bodyParser = restify.plugins.jsonBodyParser({ maxBodySize: 256 * 1024 } as restify.plugins.JsonBodyParserOptions);
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.post('/api/messages', bodyParser, async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  const port = Number(process.env.PORT ?? 3979);
  server.listen(port, process.env.HOST ?? '127.0.0.1');
  const stop = (): void => {
    server.close(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
