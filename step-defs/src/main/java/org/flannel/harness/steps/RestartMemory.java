package org.flannel.harness.steps;

/** What a node had before its flanneld restarted, to compare with after. */
record RestartMemory(String subnet, String vtepMac) {}
