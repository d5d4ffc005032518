/**
 * Several replicas: the replica that receives a verified webhook broadcasts the changed path and its
 * new version over Spring Cloud Bus, and every replica re-reads that path itself with its own client.
 * No value ever crosses the broker.
 */
@NullMarked
package ai.scailabs.scaivault.boot.autoconfigure.refresh.bus;

import org.jspecify.annotations.NullMarked;
