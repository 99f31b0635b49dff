package io.segstream.contracts;

/** Where a purchase was made or feedback was given. */
public enum Channel {
    ONLINE, MOBILE_APP, STORE, MARKETPLACE, PHONE
}
