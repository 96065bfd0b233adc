/**
 * The benchmark ({@code scripts/bench.sh}): implementations timed side by side from the outside, as the features
 * judge them (their command line, etcd, the kernel), on network namespaces. It lives with the harness because it
 * reuses the harness's topology drivers and its way of running an implementation ({@code impl}); like the
 * harness, it never uses the reference implementation's code. Its results are the contract records of
 * {@code contracts.bench}, which the living documentation's performance page reads.
 */
package org.flannel.harness.bench;
