/**
 * Dev server: PKI. Certificate authorities, roles, issuing, CSRs, revocation with CRLs and
 * validation, built with BouncyCastle's lightweight builders over the JDK's own key and signature
 * providers.
 */
@NullMarked
package ai.scailabs.scaivault.devserver.pki;

import org.jspecify.annotations.NullMarked;
