import type { es } from './es';

export const en: typeof es = {
  nav: { inbox: 'Messages', preferences: 'Notifications' },
  channels: { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp' },
  status: { active: 'Active', waiting: 'Awaiting reply', resolved: 'Resolved', escalated: 'Escalated' },
  priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  messageStatus: { pending: 'Queued', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Failed', received: 'Received' },
  inbox: {
    title: 'Inbox', all: 'All', mine: 'Mine', unassigned: 'Unassigned', none: 'No conversations.', unread: '{{count}} unread',
    reply: 'Reply', send: 'Send', replied: 'Reply sent.', assignToMe: 'Take it', release: 'Release', resolve: 'Resolve', escalate: 'Escalate', reopen: 'Reopen', updated: 'Conversation updated.',
    unknownContact: 'Contact without a registered owner', assignedTo: 'Handled by', outbox: 'See the local provider’s messages', assistant: 'Assistant', system: 'System',
  },
  prefs: { title: 'How you want to hear from us', preferredChannel: 'Preferred channel', emailEnabled: 'Email', smsEnabled: 'SMS', whatsappEnabled: 'WhatsApp', remindersEnabled: 'Appointment and vaccine reminders', marketingEnabled: 'Offers and news', saved: 'Preferences saved.' },
  templates: { title: 'Message templates', help: 'Variables in braces are filled when sending. Editing a WhatsApp template sends it back to Meta for approval.', variables: 'Variables', active: 'In use', approved: 'Approved by WhatsApp', pending: 'Awaiting approval', subject: 'Subject', content: 'Text', saved: 'Template saved.' },
};
