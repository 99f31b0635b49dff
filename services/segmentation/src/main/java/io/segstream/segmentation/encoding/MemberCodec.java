package io.segstream.segmentation.encoding;

import io.segstream.segmentation.domain.PopulationMember;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A customer's {@link PopulationMember} in the members store. */
public final class MemberCodec {
    private static final int FORMAT = 1;

    private MemberCodec() {
    }

    public static byte[] encode(PopulationMember member) {
        BinaryWriter out = new BinaryWriter(64 + 24 * member.classes().size());
        out.writeByte(FORMAT);
        out.writeBoolean(member.hasPurchased());
        if (member.hasPurchased()) {
            out.writeSignedVarLong(member.lastPurchaseDay().toEpochDay());
        }
        out.writeVarLong(member.orders());
        out.writeDouble(member.monetary());
        out.writeVarLong(member.classes().size());
        member.classes().forEach((key, className) -> {
            out.writeString(key);
            out.writeString(className);
        });
        out.writeString(member.rfm());
        return out.toByteArray();
    }

    public static PopulationMember decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes);
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown member format " + format);
        }
        LocalDate lastDay = in.readBoolean() ? LocalDate.ofEpochDay(in.readSignedVarLong()) : null;
        long orders = in.readVarLong();
        double monetary = in.readDouble();
        int classCount = in.readVarInt();
        Map<String, String> classes = new LinkedHashMap<>();
        for (int i = 0; i < classCount; i++) {
            classes.put(in.readString(), in.readString());
        }
        return new PopulationMember(lastDay, orders, monetary, classes, in.readString());
    }
}
