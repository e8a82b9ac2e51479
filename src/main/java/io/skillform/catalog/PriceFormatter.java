package io.skillform.catalog;

import io.skillform.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.ResourceBundle;

/** Formats prices for the reader's locale in pages: {@code #{prices.format(product.price())}}. */
@Named("prices")
@ApplicationScoped
public class PriceFormatter {

    public String format(Money money) {
        if (money.isZero()) {
            return ResourceBundle.getBundle("io.skillform.messages", locale()).getString("price.free");
        }
        return money.format(locale());
    }

    /** An amount of money as such (a balance, a total): zero is "$0.00", never "Free". */
    public String amount(Money money) {
        return money.format(locale());
    }

    /** What a buyer pays: "$19.00", "Free", or for pay-what-you-want "$5.00+" / "Name your price". */
    public String offer(Product product) {
        if (!product.isPayWhatYouWant()) {
            return format(product.price());
        }
        ResourceBundle messages = ResourceBundle.getBundle("io.skillform.messages", locale());
        return product.price().isZero()
                ? messages.getString("price.nameYourPrice")
                : product.price().format(locale()) + "+";
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null ? Locale.US : faces.getViewRoot().getLocale();
    }
}
