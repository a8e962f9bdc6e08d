import type { AlertRaisedData } from '@anchorwatch/schemas';
import type { ActionsBlock, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';

/** What an incoming-webhook URL accepts: fallback text for notifications, and the Block Kit layout. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

// Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks): longer text makes Slack refuse the message.
export const slackLimits = { headerText: 150, sectionText: 3000, fieldText: 2000, buttonText: 75, url: 3000 } as const;

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Escapes the three characters Slack's mrkdwn treats as control characters, so a quote cannot @-mention anyone. */
export const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const severityIcon: Record<AlertRaisedData['alert']['severity'], string> = {
  low: ':large_blue_circle:',
  medium: ':large_yellow_circle:',
  high: ':large_orange_circle:',
  critical: ':red_circle:',
};

const formatOffset = (seconds: number): string => {
  const s = Math.floor(seconds);
  const hms = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return hms.map((n) => String(n).padStart(2, '0')).join(':');
};

/** The Block Kit message of an alert: product, quote, severity, session, time, and a button to the evidence. */
export function slackAlertMessage(data: AlertRaisedData): SlackMessage {
  const { alert, product, session, count } = data;
  const who = alert.eventType === 'chat' ? 'Viewer chat' : 'Host';
  const sessionName = session.title ?? session.id;
  const repeats = count > 1 ? ` (${count} times)` : '';
  const header: HeaderBlock = {
    type: 'header',
    text: { type: 'plain_text', text: clip(`Negative mention: ${product.name}${repeats}`, slackLimits.headerText), emoji: true },
  };
  const quote: SectionBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: clip(`*${who}${alert.speaker ? ` (${escapeMrkdwn(alert.speaker)})` : ''}:*\n>${escapeMrkdwn(alert.text).replace(/\n/g, '\n>')}`, slackLimits.sectionText) },
  };
  const fields: SectionBlock = {
    type: 'section',
    fields: [
      { type: 'mrkdwn', text: clip(`*Product*\n${escapeMrkdwn(product.name)}`, slackLimits.fieldText) },
      { type: 'mrkdwn', text: `*Severity*\n${severityIcon[alert.severity]} ${alert.severity}` },
      { type: 'mrkdwn', text: clip(`*Session*\n${escapeMrkdwn(sessionName)}${session.platform ? ` · ${escapeMrkdwn(session.platform)}` : ''}`, slackLimits.fieldText) },
      { type: 'mrkdwn', text: `*Time*\n<!date^${Math.floor(Date.parse(alert.occurredAt) / 1000)}^{date_short_pretty} {time_secs}|${alert.occurredAt}> (stream ${formatOffset(alert.offsetSeconds)})` },
    ],
  };
  const context: ContextBlock = {
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: clip(`rule \`${escapeMrkdwn(alert.rule)}\` · score ${alert.score.toFixed(2)}${count > 1 ? ` · ${count} alerts like this grouped` : ''}`, slackLimits.fieldText) },
    ],
  };
  const actions: ActionsBlock = {
    type: 'actions',
    elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open evidence clip' }, url: clip(data.evidenceUrl, slackLimits.url), action_id: 'open_evidence' }],
  };
  return {
    text: clip(`${alert.severity} negative mention of ${product.name}${repeats}: "${alert.text}"`, slackLimits.sectionText),
    blocks: [header, quote, fields, context, actions],
  };
}

/** A short message proving the Slack URL works. */
export function slackTestMessage(): SlackMessage {
  const text = 'Anchorwatch test message: this channel will receive alerts.';
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
