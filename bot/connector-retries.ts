import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/** The SDK's connector factory and client types, named here without importing botframework-connector. */
type ConnectorFactory = ReturnType<
  ConfigurationBotFrameworkAuthentication['createConnectorFactory']
>;
export type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<
  ConfigurationBotFrameworkAuthentication['createConnectorFactory']
>[0];

/**
 * What the connector client keeps privately: the @azure/core-client ServiceClient whose
 * @azure/core-rest-pipeline pipeline holds `defaultRetryPolicy` in its "Retry" phase (three
 * retries of 429, 5xx and network errors). ConnectorClientOptions has no setting to turn
 * it off (botbuilder-stdlib's ServiceClientContext passes no retryOptions on), so the
 * policy is taken out of the pipeline itself.
 */
interface WithPipeline {
  client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown[] } };
}

/**
 * Takes the retry policy out of a connector client, so that each call is one HTTP request.
 * Throws if the SDK no longer has the shape this relies on, so that an upgrade fails the
 * tests instead of quietly retrying again.
 */
export function withoutRetries(client: ConnectorClient): ConnectorClient {
  const pipeline = (client as unknown as WithPipeline).client?.pipeline;
  if (typeof pipeline?.removePolicy !== 'function') {
    throw new Error('the connector client has no pipeline to take its retries out of');
  }
  pipeline.removePolicy({ phase: 'Retry' });
  return client;
}

/**
 * The Bot Framework authentication from configuration, whose connector clients for
 * proactive turns (`continueConversationAsync`, which asks `createConnectorFactory`) make
 * no retries of their own: the reminder pacer owns every retry of a proactive send, so
 * that what it counts against the Teams limits is what Teams receives. The clients for
 * replies within a turn (made from `authenticateRequest`'s factory) keep the SDK's
 * retries: nothing else retries a throttled reply.
 */
export class ProactiveWithoutRetries extends ConfigurationBotFrameworkAuthentication {
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const inner = super.createConnectorFactory(claimsIdentity);
    return {
      create: async (serviceUrl: string, audience?: string) =>
        withoutRetries(await inner.create(serviceUrl, audience)),
    };
  }
}
