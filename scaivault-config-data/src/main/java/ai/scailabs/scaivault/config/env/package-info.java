/**
 * Property sources that expose ScaiVault secrets to the Spring {@code Environment}, with the origin
 * (path and version) of every value, ready to swap one path's values atomically.
 */
@NullMarked
package ai.scailabs.scaivault.config.env;

import org.jspecify.annotations.NullMarked;
