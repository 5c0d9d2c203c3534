package org.gatehouse.identity;

import org.gatehouse.trade.Text;

/** What an API token is for ("ERP export job"), so that its owner knows which one to revoke; 1..100 characters. */
public record TokenName(String value) {

    public static final int LENGTH_MAX = 100;

    public TokenName {
        value = Text.required(value, LENGTH_MAX);
    }

    @Override
    public String toString() {
        return value;
    }
}
