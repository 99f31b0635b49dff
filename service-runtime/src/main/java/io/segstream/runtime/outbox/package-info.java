/**
 * The transactional-outbox intake of the ingestion services, built for a MongoDB without transactions (the wire
 * server has none, and a sharded cluster makes them expensive).
 *
 * <h2>How an event is taken in</h2>
 * <ol>
 *   <li><b>Record.</b> {@link io.segstream.runtime.outbox.Outbox#submit} inserts one document per event into the
 *   service's own collection with {@code _id = eventId}. Besides the service's own fields (its view) the document
 *   carries an {@code outbox} sub-document: {@code published=false}, {@code createdAt}, the Kafka key, the event
 *   time and the payload as contract JSON ({@link io.segstream.contracts.ContractJson}). A batch is one unordered
 *   {@code insertMany}; a duplicate-key error (11000) on an index means that event was recorded before: it is
 *   answered {@link io.segstream.runtime.outbox.OutboxOutcome#DUPLICATE} and never published again by this path.
 *   Because the key lives in MongoDB, idempotency survives restarts and works across instances.</li>
 *   <li><b>Publish, then mark.</b> The newly recorded events are sent with
 *   {@link io.segstream.runtime.messaging.ContractEventPublisher} (CloudEvents headers, key = customerId); the
 *   intake waits for the broker's acknowledgements (bounded by {@code segstream.outbox.publish-timeout}) and then
 *   marks the acknowledged documents {@code published=true} in one {@code updateMany}, dropping the stored payload
 *   (the view holds what the service needs; the copy was only for the relay).</li>
 *   <li><b>Relay.</b> {@link io.segstream.runtime.outbox.OutboxRelay} runs every
 *   {@code segstream.outbox.relay-interval} and republishes, oldest first and {@code batch-size} at a time, the
 *   documents still unpublished {@code grace-period} after they were recorded: the process crashed between 1 and 2,
 *   or Kafka was down or slow. It marks them published the same way.</li>
 * </ol>
 * A crash therefore never loses a publication (the document and its payload are durable before anything is sent)
 * and at worst publishes an event twice (acknowledged, then crash before the mark; or a publish slower than the
 * grace period). Every consumer de-duplicates by {@code eventId} (the {@code ce_id} header and the payload's
 * {@code eventId}), so a second copy has no effect. Order per key is not guaranteed for relayed events: consumers
 * already cannot assume arrival in event-time order.
 *
 * <h2>What an HTTP intake answers</h2>
 * <ul>
 *   <li>{@code PUBLISHED}: recorded and acknowledged by Kafka: 201 Created (or a per-item "accepted").</li>
 *   <li>{@code PENDING}: recorded, but Kafka did not acknowledge in time (down or slow). The event is durable in
 *   MongoDB and the relay will publish it: the request succeeded, answer 202 Accepted (per item: "accepted").
 *   Producers must not retry with a new eventId; a retry with the same one is answered as a duplicate.</li>
 *   <li>{@code DUPLICATE}: the eventId was recorded before: 200 OK with a DUPLICATE status.</li>
 *   <li>MongoDB unreachable: {@link io.segstream.runtime.outbox.OutboxUnavailableException}; nothing is durable, so
 *   answer 503 Service Unavailable with a Retry-After (ProblemException with retryAfter). A Kafka listener lets the
 *   exception escape, so the batch is retried (the runtime's error handler backs off without end).</li>
 * </ul>
 *
 * <h2>Using it</h2>
 * A service creates one {@link io.segstream.runtime.outbox.Outbox} bean per collection (its name, the contract it
 * publishes) and calls {@code submit} with {@link io.segstream.runtime.outbox.OutboxRecord}s; the auto-configured
 * relay picks up every Outbox bean. The relay query uses the index {@code {outbox.published: 1, outbox.createdAt: 1}}
 * that the outbox creates. Metrics: {@code segstream.outbox.pending} (gauge: unpublished documents, refreshed by each
 * relay pass), {@code segstream.outbox.relayed} (counter: events republished by the relay),
 * {@code segstream.outbox.publish.failures} (counter: events the intake could not publish and left to the relay),
 * all tagged with {@code collection}.
 */
package io.segstream.runtime.outbox;
