/**
 * Embedded, in-memory ScaiVault for development and tests: serves the v1 contract over real HTTP.
 * Never for production.
 */
@NullMarked
package ai.scailabs.scaivault.devserver;

import org.jspecify.annotations.NullMarked;
