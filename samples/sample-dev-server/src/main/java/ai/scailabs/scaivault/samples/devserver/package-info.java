/**
 * The embedded ScaiVault dev server for the samples' one-command runs and their tests: one
 * environment post-processor starts it, a {@link ai.scailabs.scaivault.samples.devserver.SampleDevServerSeed}
 * of each sample fills it. Test scope only: no sample's own jar carries it.
 */
@NullMarked
package ai.scailabs.scaivault.samples.devserver;

import org.jspecify.annotations.NullMarked;
