/**
 * Authentication: the bearer token of every request, static or obtained with the OAuth 2.0
 * client-credentials grant from ScaiKey and refreshed before it expires.
 */
@NullMarked
package ai.scailabs.scaivault.client.auth;

import org.jspecify.annotations.NullMarked;
