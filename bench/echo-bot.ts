import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
} from 'botbuilder';
import restify from 'restify';

export interface EchoBot {
  url: string;
  close(): Promise<void>;
}

/**
 * The baseline: a bare botbuilder bot on the same stack as the product (CloudAdapter with no
 * credentials, restify with a body parser) that replies with the text it got. It is the
 * framework's floor: whatever the wizard costs beyond it is the product's own work.
 */
export async function startEchoBot(): Promise<EchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(MessageFactory.text(context.activity.text ?? ''));
    await next();
  });
  const server = restify.createServer({ name: 'bench-echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000 }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
