package org.coverageengine.adapter.cdshooks;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The CRD services this endpoint offers, one per hook: the three primary hooks (every in-scope order gets coverage
 * information, CRD resp-26) and order-select, where no clinical or administrative documentation is asked for (hook-19).
 */
enum CrdService {
    ORDER_SIGN("order-sign-crd", "order-sign", true, "draftOrders"),
    ORDER_DISPATCH("order-dispatch-crd", "order-dispatch", true, "dispatchedOrders"),
    APPOINTMENT_BOOK("appointment-book-crd", "appointment-book", true, "appointments"),
    ORDER_SELECT("order-select-crd", "order-select", false, "draftOrders");

    /** The request resources CRD lets a draft or dispatched order be. */
    static final Set<String> ORDER_TYPES = Set.of("CommunicationRequest", "DeviceRequest", "MedicationRequest", "NutritionOrder",
            "ServiceRequest", "VisionPrescription");

    private final String id;
    private final String hook;
    private final boolean primary;
    private final String ordersContext;

    CrdService(String id, String hook, boolean primary, String ordersContext) {
        this.id = id;
        this.hook = hook;
        this.primary = primary;
        this.ordersContext = ordersContext;
    }

    String id() {
        return id;
    }

    String hook() {
        return hook;
    }

    /** Whether this is one of CRD's primary hooks, where documentation may be asked for. */
    boolean primary() {
        return primary;
    }

    /** The context field holding the orders (a Bundle, or references for order-dispatch). */
    String ordersContext() {
        return ordersContext;
    }

    static Optional<CrdService> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
