package io.github.dermlip.core.image;

/**
 * What libjpeg looks at to guess a JPEG's colour space: the frame's component count and ids, a JFIF
 * marker, and the transform flag of an Adobe marker.
 *
 * @param components number of components in the frame (SOF)
 * @param componentIds the components' ids, in frame order
 * @param jfif whether an APP0 JFIF marker precedes the frame
 * @param adobeTransform the Adobe APP14 transform flag, or -1 when there is no Adobe marker
 */
record JpegHeader(int components, int[] componentIds, boolean jfif, int adobeTransform) {
    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP0 = 0xE0;
    private static final int APP14 = 0xEE;

    /** Copies the ids. */
    JpegHeader {
        componentIds = componentIds.clone();
    }

    @Override
    public int[] componentIds() {
        return componentIds.clone();
    }

    /** Whether the first three component ids are the given characters (libjpeg's 'R','G','B' test). */
    boolean componentIdsAre(char first, char second, char third) {
        return componentIds.length >= 3 && componentIds[0] == first && componentIds[1] == second
                && componentIds[2] == third;
    }

    /**
     * Reads the markers up to the first scan, as libjpeg does before it guesses the colour space.
     *
     * @throws IllegalArgumentException when the data has no frame header before its first scan or its end
     */
    static JpegHeader parse(byte[] data) {
        boolean jfif = false;
        int adobe = -1;
        int[] frameIds = null;
        int pos = 2;
        while (pos + 4 <= data.length) {
            int marker = data[pos + 1] & 0xFF;
            if ((data[pos] & 0xFF) != 0xFF || marker == 0xFF) {
                // Extraneous bytes or fill before a marker: libjpeg skips them with a warning.
                pos++;
                continue;
            }
            if (marker == SOI || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            if (marker == SOS || marker == EOI) {
                break;
            }
            int length = (data[pos + 2] & 0xFF) << 8 | (data[pos + 3] & 0xFF);
            int payload = pos + 4;
            int payloadLength = Math.min(length - 2, data.length - payload);
            if (marker == APP0 && startsWith(data, payload, payloadLength, "JFIF\0")) {
                jfif = true;
            } else if (marker == APP14 && payloadLength >= 12 && startsWith(data, payload, payloadLength, "Adobe")) {
                adobe = data[payload + 11] & 0xFF;
            } else if (isFrameMarker(marker) && payloadLength >= 6) {
                frameIds = new int[data[payload + 5] & 0xFF];
                for (int c = 0; c < frameIds.length && payload + 6 + 3 * c < data.length; c++) {
                    frameIds[c] = data[payload + 6 + 3 * c] & 0xFF;
                }
            }
            pos += 2 + length;
        }
        if (frameIds == null) {
            throw new IllegalArgumentException("no JPEG frame header before the image data");
        }
        return new JpegHeader(frameIds.length, frameIds, jfif, adobe);
    }

    private static boolean isFrameMarker(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean startsWith(byte[] data, int offset, int available, String prefix) {
        if (available < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[offset + i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
