// The cards' own labels meet the same rules as every catalogue (both languages, placeholders,
// Microsoft Japanese style; full sentences polite and punctuated).
import { CARD_MESSAGES } from '../../src/cards/card-messages';
import { assertCatalogueComplete, assertCatalogueStyle } from '../i18n/catalogue-check';

describe('card messages catalogue', () => {
  it('is complete in ja and en', () => {
    assertCatalogueComplete(CARD_MESSAGES, {
      // product names and the switch caption (which names the other language) may be identical
      allowIdentical: ['factOs', 'tlsTitle', 'endpointStates'],
    });
  });

  it('sentences are polite Japanese and punctuated English', () => {
    assertCatalogueStyle(CARD_MESSAGES, {
      titles: /Title$/,
      sentences: /^(helpIntro|helpChannelTip|helpFollowUp|regionIntro|regionHowToTest|regionNone|regionNote|unmatchedCanExplain|unmatchedNoReport|unmatchedEscalate|noEndpoints|noFindings|findingMissing|cardFailed|endpointsOkCount)/,
    });
  });
});
