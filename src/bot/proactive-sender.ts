// Sending outside the HTTP turn through the adapter (CloudAdapter.continueConversationAsync):
// the conversation reference says where, the bot's app id which credentials.
import type { Activity, CloudAdapter, ConversationReference, ResourceResponse } from 'botbuilder';
import type { ProactiveSender } from './bot-services';

export class AdapterProactiveSender implements ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async send(reference: Partial<ConversationReference>, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    let responses: ResourceResponse[] = [];
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      responses = await context.sendActivities(activities);
    });
    return responses;
  }

  async update(reference: Partial<ConversationReference>, activity: Partial<Activity> & { id: string }): Promise<void> {
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      await context.updateActivity(activity);
    });
  }
}
