package io.skillform.ledger;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A balanced transaction waiting to be posted: two or more legs whose amounts sum to zero in each currency, under
 * an idempotency key naming its cause (e.g. {@code order:42:capture}). An unbalanced entry cannot be built.
 */
public final class JournalEntry {

    private final String key;
    private final TransactionKind kind;
    private final Long storeId;
    private final Long orderId;
    private final String memo;
    private final List<Leg> legs;

    private JournalEntry(Builder builder) {
        this.key = requireKey(builder.key);
        this.kind = Objects.requireNonNull(builder.kind, "kind");
        this.storeId = builder.storeId;
        this.orderId = builder.orderId;
        this.memo = builder.memo.length() <= 255 ? builder.memo : builder.memo.substring(0, 255);
        this.legs = List.copyOf(builder.legs);
        if (legs.size() < 2) {
            throw new IllegalArgumentException(key + ": a transaction has at least two postings");
        }
        Set<Account> accounts = new HashSet<>();
        Map<Currency, Long> sums = new HashMap<>();
        for (Leg leg : legs) {
            if (!accounts.add(leg.account())) {
                throw new IllegalArgumentException(key + ": " + leg.account() + " is posted twice");
            }
            if (leg.account().kind().isCreator() && !Objects.equals(leg.account().storeId(), storeId)) {
                throw new IllegalArgumentException(key + ": posts to store " + leg.account().storeId() + "'s account");
            }
            sums.merge(leg.account().currency(), leg.amount(), Math::addExact);
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException(key + ": postings in " + currency + " sum to " + sum + ", not zero");
            }
        });
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > 120) {
            throw new IllegalArgumentException("An idempotency key is 1–120 characters");
        }
        return key;
    }

    public static Builder of(String key, TransactionKind kind, String memo) {
        return new Builder(key, kind, memo);
    }

    public String key() {
        return key;
    }

    public TransactionKind kind() {
        return kind;
    }

    public Optional<Long> storeId() {
        return Optional.ofNullable(storeId);
    }

    public Optional<Long> orderId() {
        return Optional.ofNullable(orderId);
    }

    public String memo() {
        return memo;
    }

    public List<Leg> legs() {
        return legs;
    }

    /** The signed amount this entry posts to an account (0 if none). */
    public long amountOn(Account account) {
        return legs.stream().filter(l -> l.account().equals(account)).mapToLong(Leg::amount).sum();
    }

    @Override
    public String toString() {
        return key + " " + kind + " " + legs;
    }

    /** Collects legs; amounts of zero are left out (a sale with no platform fee has no fee line). */
    public static final class Builder {

        private final String key;
        private final TransactionKind kind;
        private final String memo;
        private final List<Leg> legs = new ArrayList<>();
        private Long storeId;
        private Long orderId;

        private Builder(String key, TransactionKind kind, String memo) {
            this.key = key;
            this.kind = kind;
            this.memo = Objects.requireNonNull(memo, "memo");
        }

        public Builder store(long storeId) {
            this.storeId = storeId;
            return this;
        }

        public Builder order(long orderId) {
            this.orderId = orderId;
            return this;
        }

        public Builder debit(Account account, long amount) {
            return leg(account, requireNotNegative(amount));
        }

        public Builder credit(Account account, long amount) {
            return leg(account, -requireNotNegative(amount));
        }

        private long requireNotNegative(long amount) {
            if (amount < 0) {
                throw new IllegalArgumentException(key + ": a negative debit or credit is the other side's job");
            }
            return amount;
        }

        private Builder leg(Account account, long signed) {
            if (signed != 0) {
                legs.add(new Leg(account, signed));
            }
            return this;
        }

        public JournalEntry build() {
            return new JournalEntry(this);
        }
    }
}
