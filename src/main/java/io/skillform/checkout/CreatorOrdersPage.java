package io.skillform.checkout;

import io.skillform.identity.CurrentAccount;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Backs /dashboard/orders: the creator's orders, newest first, paged in the database. */
@Named
@ViewScoped
public class CreatorOrdersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Orders orders;

    @Inject
    private CurrentAccount me;

    private LazyDataModel<Order> list;

    @PostConstruct
    void load() {
        list = new OwnOrders(orders, me.requireId());
    }

    public LazyDataModel<Order> getList() {
        return list;
    }

    static final class OwnOrders extends LazyDataModel<Order> {

        private static final long serialVersionUID = 1L;

        private final transient Orders orders;
        private final long ownerId;

        OwnOrders(Orders orders, long ownerId) {
            this.orders = orders;
            this.ownerId = ownerId;
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, orders.countOfStoreOwner(ownerId));
        }

        @Override
        public List<Order> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return orders.ofStoreOwner(ownerId, first, pageSize);
        }

        @Override
        public String getRowKey(Order order) {
            return String.valueOf(order.id());
        }
    }
}
