/** Headers of request/reply beyond the well-known ones in `Headers`. */
export const ReplyHeaders = {
  /** On a reply: the request contract it answers, so a late reply finds its onLateReply handler. */
  requestTopic: 'request-topic',
  /** On a request and its reply: the requesting instance, as several instances share a reply topic. */
  replyInstance: 'reply-instance',
} as const;

/** `<serviceName>.reply.v1`: a command-style topic name (ARCHITECTURE.md, messaging rules). */
export function replyTopicOf(serviceName: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(serviceName)) {
    throw new Error(`serviceName "${serviceName}" must be lowercase letters, digits and dashes`);
  }
  return `${serviceName}.reply.v1`;
}
