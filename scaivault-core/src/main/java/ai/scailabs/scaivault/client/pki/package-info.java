/**
 * PKI: certificate authorities, roles, issue, CSRs, revoke, validate.
 */
@NullMarked
package ai.scailabs.scaivault.client.pki;

import org.jspecify.annotations.NullMarked;
