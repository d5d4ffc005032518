/**
 * The client's engine: the transport seam, endpoint paths and the helpers the resource groups share.
 * Internal: not part of the supported API.
 */
@NullMarked
package ai.scailabs.scaivault.client.http;

import org.jspecify.annotations.NullMarked;
