import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isTrustedSnsCertUrl, parseSesNotifications, type SnsMessage, verifySnsSignature } from './ses';
import { selfSignedCertificate } from './x509-test-certificate';

const sesMessageId = '0100018b5c3c0a4f-8a2b7b9e-1c2d-4e5f-9a8b-7c6d5e4f3a2b-000000';
const mail = {
  timestamp: '2025-01-10T16:00:00.000Z',
  source: 'citas@petfriendly.test',
  sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/petfriendly.test',
  sendingAccountId: '123456789012',
  messageId: sesMessageId,
  destination: ['nadie@example.mx'],
};

const snsNotification = (message: unknown, extra: Partial<SnsMessage> = {}): SnsMessage => ({
  Type: 'Notification',
  MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
  TopicArn: 'arn:aws:sns:us-east-1:123456789012:ses-notifications',
  Message: typeof message === 'string' ? message : JSON.stringify(message),
  Timestamp: '2025-01-10T16:00:02.000Z',
  SignatureVersion: '1',
  Signature: '',
  SigningCertURL: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem',
  UnsubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:123456789012:ses-notifications:1',
  ...extra,
});

describe('verifySnsSignature', () => {
  const signer = selfSignedCertificate('sns.amazonaws.com');
  const stranger = selfSignedCertificate('sns.amazonaws.com');
  const notification = snsNotification({ notificationType: 'Delivery', mail, delivery: { recipients: ['maria@example.mx'] } });

  // The canonical string spelled out from the SNS documentation, not built by the code under test.
  const notificationString = (m: SnsMessage) =>
    `Message\n${m.Message}\nMessageId\n${m.MessageId}\n${m.Subject ? `Subject\n${m.Subject}\n` : ''}Timestamp\n${m.Timestamp}\nTopicArn\n${m.TopicArn}\nType\n${m.Type}\n`;
  const signed = (m: SnsMessage, version: '1' | '2', key = signer.privateKey, canonical = notificationString(m)): SnsMessage => ({
    ...m,
    SignatureVersion: version,
    Signature: sign(version === '1' ? 'sha1' : 'sha256', Buffer.from(canonical), key).toString('base64'),
  });

  it('accepts SignatureVersion 1 (SHA1withRSA) and 2 (SHA256withRSA) against the certificate', () => {
    expect(verifySnsSignature(signed(notification, '1'), signer)).toBe(true);
    expect(verifySnsSignature(signed(notification, '2'), signer)).toBe(true);
  });

  it('accepts the public key PEM in place of the certificate', () => {
    expect(verifySnsSignature(signed(notification, '2'), { certificatePem: signer.publicKeyPem })).toBe(true);
  });

  it('signs the Subject when there is one', () => {
    const withSubject = signed({ ...notification, Subject: 'Amazon SES Email Event Notification' }, '2');
    expect(verifySnsSignature(withSubject, signer)).toBe(true);
    expect(verifySnsSignature({ ...withSubject, Subject: 'Otro asunto' }, signer)).toBe(false);
  });

  it('accepts a signed SubscriptionConfirmation', () => {
    const confirmation: SnsMessage = {
      ...notification,
      Type: 'SubscriptionConfirmation',
      Message: 'You have chosen to subscribe to the topic arn:aws:sns:us-east-1:123456789012:ses-notifications.',
      SubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f37',
      Token: '2336412f37',
    };
    const canonical = `Message\n${confirmation.Message}\nMessageId\n${confirmation.MessageId}\nSubscribeURL\n${confirmation.SubscribeURL}\nTimestamp\n${confirmation.Timestamp}\nToken\n${confirmation.Token}\nTopicArn\n${confirmation.TopicArn}\nType\nSubscriptionConfirmation\n`;
    expect(verifySnsSignature(signed(confirmation, '1', signer.privateKey, canonical), signer)).toBe(true);
  });

  it('rejects a tampered message, another signer, a mismatched version and an unknown one', () => {
    const genuine = signed(notification, '2');
    expect(verifySnsSignature({ ...genuine, Message: genuine.Message.replace('maria', 'mallory') }, signer)).toBe(false);
    expect(verifySnsSignature(signed(notification, '2', stranger.privateKey), signer)).toBe(false);
    expect(verifySnsSignature({ ...signed(notification, '1'), SignatureVersion: '2' }, signer)).toBe(false);
    expect(verifySnsSignature({ ...genuine, SignatureVersion: '3' }, signer)).toBe(false);
    expect(verifySnsSignature({ ...genuine, Type: 'Forged' }, signer)).toBe(false);
  });
});

describe('isTrustedSnsCertUrl', () => {
  it.each([
    ['https://sns.us-east-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem', true],
    ['https://sns.mx-central-1.amazonaws.com/SimpleNotificationService-abc.pem', true],
    ['https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-abc.pem', true],
    ['http://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem', false],
    ['https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.txt', false],
    ['https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-abc.pem', false],
    ['https://sns.us-east-1.amazonaws.com.evil.example/cert.pem', false],
    ['https://sns.us-east-1.amazonaws.com@evil.example/cert.pem', false],
    ['https://sns.s3.amazonaws.com/cert.pem', false],
    ['https://evil.example/sns.us-east-1.amazonaws.com/cert.pem', false],
    ['not a url', false],
  ])('%s → %s', (url, trusted) => {
    expect(isTrustedSnsCertUrl(url)).toBe(trusted);
  });
});

describe('parseSesNotifications', () => {
  const bounce = (bounceType: string) => ({
    notificationType: 'Bounce',
    bounce: {
      feedbackId: '0100018b5c3c0a50-feedback-000000',
      bounceType,
      bounceSubType: 'General',
      bouncedRecipients: [{ emailAddress: 'nadie@example.mx', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
      timestamp: '2025-01-10T16:00:01.000Z',
      reportingMTA: 'dsn; e226-55.smtp-out.us-east-1.amazonses.com',
    },
    mail,
  });

  it('reads permanent and transient bounces', () => {
    expect(parseSesNotifications(snsNotification(bounce('Permanent')))).toEqual([
      { providerMessageId: sesMessageId, event: 'bounce', status: 'failed', recipients: ['nadie@example.mx'], permanent: true },
    ]);
    expect(parseSesNotifications(snsNotification(bounce('Transient')))).toMatchObject([{ event: 'bounce', permanent: false }]);
  });

  it('reads a complaint as a permanent failure for the complaining recipient', () => {
    const complaint = {
      notificationType: 'Complaint',
      complaint: {
        complainedRecipients: [{ emailAddress: 'maria@example.mx' }],
        timestamp: '2025-01-11T09:00:00.000Z',
        feedbackId: '0100018b5c3c0a51-feedback-000000',
        complaintFeedbackType: 'abuse',
      },
      mail,
    };
    expect(parseSesNotifications(snsNotification(complaint))).toEqual([
      { providerMessageId: sesMessageId, event: 'complaint', status: 'failed', recipients: ['maria@example.mx'], permanent: true },
    ]);
  });

  it('reads a delivery, also as published through a configuration set (eventType)', () => {
    const delivery = {
      mail,
      delivery: { timestamp: '2025-01-10T16:00:01.000Z', processingTimeMillis: 812, recipients: ['maria@example.mx'], smtpResponse: '250 ok' },
    };
    const expected = [{ providerMessageId: sesMessageId, event: 'delivery', status: 'delivered', recipients: ['maria@example.mx'], permanent: false }];
    expect(parseSesNotifications(snsNotification({ notificationType: 'Delivery', ...delivery }))).toEqual(expected);
    expect(parseSesNotifications(snsNotification({ eventType: 'Delivery', ...delivery }))).toEqual(expected);
  });

  it('ignores anything else on the topic', () => {
    expect(parseSesNotifications(snsNotification('Successfully validated SNS topic for Amazon SES event publishing.'))).toEqual([]);
    expect(parseSesNotifications(snsNotification({ eventType: 'Open', mail, open: { ipAddress: '203.0.113.5' } }))).toEqual([]);
    expect(parseSesNotifications(snsNotification({ notificationType: 'Bounce', mail }))).toEqual([]);
    expect(parseSesNotifications({ ...snsNotification({ notificationType: 'Delivery', mail }), Type: 'SubscriptionConfirmation' })).toEqual([]);
  });
});
