package io.segstream.localstack;

public final class SegstreamLauncher {
    public static void main(String[] args) {
    }
}
