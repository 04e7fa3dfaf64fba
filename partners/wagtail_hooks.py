from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_ketenpartners():
    from partners.viewsets import KetenpartnersGroup

    return KetenpartnersGroup()
