/**
 * Dev server: dynamic database credentials (contract section 10). Engines point at a real
 * database (PostgreSQL, MySQL/MariaDB, or an in-memory H2 that the dev server keeps), roles say
 * how to create and drop an account, and every lease is a real account with a random name and
 * password that is dropped, its sessions ended, when the lease is revoked or expires, and when the
 * server closes.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.dynamic;

import org.jspecify.annotations.NullMarked;
