package io.skillform.ledger;

import java.time.LocalDate;

/** One day's net earnings in a currency, in minor units (0 for a day without any). */
public record DayEarnings(LocalDate day, long netMinor) {
}
