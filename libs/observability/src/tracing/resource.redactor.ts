import { emptyResource, resourceFromAttributes, type Resource } from '@opentelemetry/resources';

import { redactSpanAttribute } from './span-attribute.redactor';

// One process has one or two resources: redact each once, not once per span.
const redactedResources = new WeakMap<Resource, Resource>();

/**
 * The resource with card data removed from its attributes. The process detector records the
 * command line (`process.command_args`), so whatever a process was started with would otherwise
 * ride along with every exported span. Attributes still being detected (host id) stay promises.
 */
export function redactResource(resource: Resource): Resource {
  const cached = redactedResources.get(resource);
  if (cached) return cached;
  let redacted = emptyResource();
  // Merged one by one so that a later entry wins over an earlier one exactly as in the original.
  for (const [key, value] of resource.getRawAttributes()) {
    const safe = value instanceof Promise ? value.then((resolved) => redactSpanAttribute(key, resolved)) : redactSpanAttribute(key, value);
    redacted = redacted.merge(resourceFromAttributes({ [key]: safe }));
  }
  const withSchema = resource.schemaUrl ? redacted.merge(resourceFromAttributes({}, { schemaUrl: resource.schemaUrl })) : redacted;
  redactedResources.set(resource, withSchema);
  return withSchema;
}
