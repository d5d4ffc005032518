/**
 * A {@code DataSource} on dynamic, leased ScaiVault database credentials (built in its own issue).
 */
@NullMarked
package ai.scailabs.scaivault.jdbc;

import org.jspecify.annotations.NullMarked;
