/** Product name and version sent as `User-Agent` (a test keeps the version in step with package.json). */
export const PRODUCT_NAME = 'myelectricaldata-client-local';
export const PRODUCT_VERSION = '0.1.0';
export const USER_AGENT = `${PRODUCT_NAME}/${PRODUCT_VERSION}`;
