// Sending outside the HTTP turn through the adapter (CloudAdapter.continueConversationAsync):
// the conversation reference says where, the bot's app id which credentials. A failed send is
// rethrown to the caller: the adapter would otherwise hand it to onTurnError and report
// success, and the job runner would mark an undelivered answer as done.
import type { Activity, CloudAdapter, ConversationReference, ResourceResponse, TurnContext } from 'botbuilder';
import type { ProactiveSender } from './bot-services';

export class AdapterProactiveSender implements ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async send(reference: Partial<ConversationReference>, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    let responses: ResourceResponse[] = [];
    await this.run(reference, async (context) => {
      responses = await context.sendActivities(activities);
    });
    return responses;
  }

  async update(reference: Partial<ConversationReference>, activity: Partial<Activity> & { id: string }): Promise<void> {
    await this.run(reference, async (context) => {
      await context.updateActivity(activity);
    });
  }

  private async run(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    let failed = false;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      try {
        await logic(context);
      } catch (err) {
        failed = true;
        failure = err;
      }
    });
    if (failed) throw failure instanceof Error ? failure : new Error('proactive send failed');
  }
}
