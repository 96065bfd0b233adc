package org.flannel.harness.wire;

/** The pcap link types the decoder understands, as libpcap reports them (DLT values). */
public final class LinkTypes {

    public static final int ETHERNET = 1;
    /** Raw IP as Linux's libpcap reports LINKTYPE_RAW (101). */
    public static final int RAW = 12;
    /** Raw IP on OpenBSD. */
    public static final int RAW_OPENBSD = 14;
    /** LINKTYPE_RAW as written in the file, when a reader does not map it. */
    public static final int LINKTYPE_RAW = 101;

    public static final int LINUX_SLL = 113;
    public static final int LINUX_SLL2 = 276;

    private LinkTypes() {}

    public static boolean isRawIp(int linkType) {
        return linkType == RAW || linkType == RAW_OPENBSD || linkType == LINKTYPE_RAW;
    }

    public static String name(int linkType) {
        return switch (linkType) {
            case ETHERNET -> "EN10MB";
            case RAW, RAW_OPENBSD, LINKTYPE_RAW -> "RAW";
            case LINUX_SLL -> "LINUX_SLL";
            case LINUX_SLL2 -> "LINUX_SLL2";
            default -> "DLT " + linkType;
        };
    }
}
