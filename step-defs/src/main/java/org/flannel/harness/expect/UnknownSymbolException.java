package org.flannel.harness.expect;

import java.util.Set;

/** A table used a name the topology cannot resolve: a typo, or a value the scenario never set up. */
public final class UnknownSymbolException extends IllegalArgumentException {

    private final String symbol;

    public UnknownSymbolException(String symbol, Set<String> known) {
        super("unknown symbol '" + symbol + "' in an expected value"
                + (known.isEmpty() ? "" : "; known symbols: " + String.join(", ", known))
                + " (write a literal in quotes if it is not a symbol)");
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
